// Module hooks for tests that import the page's views: a stylesheet is an empty module.
export async function load(url, context, next) {
  if (url.endsWith('.css')) return { format: 'module', source: '', shortCircuit: true };
  return next(url, context);
}
