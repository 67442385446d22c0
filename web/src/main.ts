// Entry point of the Leaky Lab page.
import './style.css';
import { startApp } from './app/shell';

const root = document.getElementById('app');
if (root !== null) void startApp(root);
