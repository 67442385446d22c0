// A view as a PNG: every canvas drawn inside a part of the screen (a chart's plot and axes, a
// heatmap under its points, the network), composed at their places on the page's own
// background, at the screen's resolution. uPlot draws on canvas only, so charts come as PNG;
// there is no SVG to give.

/** The visible canvases under `root`, with their boxes relative to their union. */
function layers(root: HTMLElement): { canvas: HTMLCanvasElement; box: DOMRect }[] {
  return [...root.querySelectorAll('canvas')]
    .filter((c) => c.width > 0 && c.height > 0 && c.getClientRects().length > 0)
    .map((canvas) => ({ canvas, box: canvas.getBoundingClientRect() }))
    .filter((l) => l.box.width > 0 && l.box.height > 0);
}

/** Whether `root` holds anything to draw. */
export function hasCanvas(root: HTMLElement): boolean {
  return layers(root).length > 0;
}

export function partPng(root: HTMLElement): Promise<Blob> {
  const found = layers(root);
  if (found.length === 0) return Promise.reject(new Error('nothing is drawn there yet'));
  const left = Math.min(...found.map((l) => l.box.left));
  const top = Math.min(...found.map((l) => l.box.top));
  const right = Math.max(...found.map((l) => l.box.right));
  const bottom = Math.max(...found.map((l) => l.box.bottom));
  const scale = Math.max(1, window.devicePixelRatio || 1);
  const out = document.createElement('canvas');
  out.width = Math.ceil((right - left) * scale);
  out.height = Math.ceil((bottom - top) * scale);
  const ctx = out.getContext('2d');
  if (ctx === null) return Promise.reject(new Error('no 2-D canvas context'));
  ctx.fillStyle = getComputedStyle(root).getPropertyValue('--panel').trim() || '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  for (const { canvas, box } of found) {
    // Small grids scaled up by CSS stay crisp cells, as on screen.
    ctx.imageSmoothingEnabled = getComputedStyle(canvas).imageRendering !== 'pixelated';
    ctx.drawImage(
      canvas,
      (box.left - left) * scale,
      (box.top - top) * scale,
      box.width * scale,
      box.height * scale,
    );
  }
  return new Promise((resolve, reject) =>
    out.toBlob(
      (b) => (b === null ? reject(new Error('the PNG could not be made')) : resolve(b)),
      'image/png',
    ),
  );
}
