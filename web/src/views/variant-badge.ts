// Which build of the core runs, and a link to the other one (same view, other variant).
import { h } from '../dom';
import type { VariantChoice } from '../wasm/choose-variant';
import type { LoadedCore } from '../wasm/load-core';

export class VariantBadge {
  constructor(private readonly host: HTMLElement) {}

  loading(choice: VariantChoice): void {
    this.host.replaceChildren(
      h(
        'span',
        { class: 'badge is-loading' },
        `Loading WebAssembly ${choice.variant === 'simd' ? 'SIMD' : 'scalar'}…`,
      ),
    );
  }

  failed(message: string): void {
    this.host.replaceChildren(
      h('span', { class: 'badge is-error' }, 'WebAssembly core failed to load'),
    );
    this.host.title = message;
  }

  show(core: LoadedCore, choice: VariantChoice): void {
    const simd = core.variant === 'simd';
    const text = simd ? 'WebAssembly SIMD' : 'WebAssembly scalar';
    const other = new URL(location.href);
    if (simd) other.searchParams.set('simd', '0');
    else other.searchParams.delete('simd');
    const reason = core.fallbackNote ?? choice.reason;
    const switchable = simd || choice.reason.startsWith('forced');
    this.host.replaceChildren(
      h(
        'span',
        {
          class: `badge ${simd ? 'is-simd' : 'is-scalar'}`,
          'data-variant': core.variant,
          title: `xsimd arch: ${core.info.arch}; ${reason}`,
        },
        text,
      ),
      switchable
        ? h(
            'a',
            { href: other.href, class: 'switch-variant badge-note', title: reason },
            simd ? 'run scalar' : 'run SIMD',
          )
        : h('span', { class: 'badge-note' }, reason),
    );
  }
}
