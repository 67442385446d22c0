// Where things are on the screen, for the layout checks of the browser tests.
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';

/** Whether the element's whole box lies inside the viewport. */
export async function inView(page: Page, l: Locator, name: string): Promise<void> {
  const box = await l.first().boundingBox();
  const vp = page.viewportSize()!;
  assert.ok(box, `${name} is rendered`);
  assert.ok(
    box.x >= 0 &&
      box.y >= 0 &&
      box.x + box.width <= vp.width + 0.5 &&
      box.y + box.height <= vp.height + 0.5,
    `${name} lies inside ${vp.width}x${vp.height}: ${JSON.stringify(box)}`,
  );
}
