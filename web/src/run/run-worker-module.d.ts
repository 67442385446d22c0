// The run's worker as this build makes it (an alias in vite.config.ts): a file of the site,
// or inline code for the single file (file:// refuses worker files).
declare module '@run-worker' {
  const RunWorker: new () => Worker;
  export default RunWorker;
}
