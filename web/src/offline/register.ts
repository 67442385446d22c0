// Registers the hosted site's service worker (sw.ts), so a visited site keeps working with the
// network gone. Only the site build has one: the single file works from disk, where browsers
// refuse service workers, and an embed does not install anything for the page that holds it.
declare const __LEAKY_SITE__: boolean;

export function registerOffline(): void {
  if (!__LEAKY_SITE__ || !('serviceWorker' in navigator)) return;
  if (location.protocol !== 'https:' && location.protocol !== 'http:') return;
  // Once the page has loaded: its worker's first downloads do not compete with the page's.
  // Relative to the page: the site works under any sub-path, and so does the worker's scope.
  const register = (): void =>
    void navigator.serviceWorker.register('./sw.js', { scope: './' }).catch(() => {
      // Without it the page still works online; offline it will not load.
    });
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
