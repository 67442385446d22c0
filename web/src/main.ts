// Entry point of the Leaky Lab page.
import './style.css';
import { startApp } from './app';

void startApp();
