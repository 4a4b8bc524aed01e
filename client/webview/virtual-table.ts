/**
 * A virtually scrolled list: only the rows in view (plus a few) exist in the DOM, placed
 * absolutely inside a spacer as tall as every row together, so 100,000 hits scroll as
 * smoothly as 10. Keyboard: Up/Down, PageUp/PageDown, Home/End move the selection; Enter
 * activates the selected row (the host reveals its line); the listbox owns the focus.
 */
export const ROW_HEIGHT = 22;
const OVERSCAN = 8;

export interface VirtualTableOptions {
  container: HTMLElement;
  renderRow(index: number, el: HTMLElement): void;
  onSelect(index: number): void;
  onActivate(index: number): void;
}

export class VirtualTable {
  private count = 0;
  private selected = -1;
  private readonly spacer: HTMLElement;
  private readonly pool: HTMLElement[] = [];
  private frame = 0;

  constructor(private readonly options: VirtualTableOptions) {
    const c = options.container;
    c.setAttribute('role', 'listbox');
    c.tabIndex = 0;
    this.spacer = document.createElement('div');
    this.spacer.className = 'spacer';
    c.appendChild(this.spacer);
    c.addEventListener('scroll', () => this.schedule());
    c.addEventListener('keydown', (e) => this.onKey(e));
    c.addEventListener('click', (e) => {
      const row = (e.target as HTMLElement).closest<HTMLElement>('.row');
      if (!row) return;
      const index = Number(row.dataset.index);
      this.select(index, false);
      this.options.onActivate(index);
    });
    new ResizeObserver(() => this.schedule()).observe(c);
  }

  /** The owner keeps the selection in step with the rows (setSelected, clearSelection) after this. */
  setCount(count: number): void {
    this.count = count;
    this.spacer.style.height = `${count * ROW_HEIGHT}px`;
    this.schedule();
  }

  selectedIndex(): number {
    return this.selected;
  }

  select(index: number, scroll = true): void {
    if (this.count === 0) return;
    this.selected = Math.max(0, Math.min(this.count - 1, index));
    if (scroll) this.scrollIntoView(this.selected);
    this.options.onSelect(this.selected);
    this.render();
  }

  /** Moves the highlight to the row now showing the selection, without telling onSelect. */
  setSelected(index: number): void {
    if (index === this.selected) return;
    this.selected = index;
    this.schedule();
  }

  clearSelection(): void {
    this.setSelected(-1);
  }

  /**
   * Takes the keyboard focus without selecting anything: a selection the user did not make
   * would be carried into the next run (main.ts). The first arrow key selects.
   */
  focus(): void {
    this.options.container.focus();
  }

  /** Re-renders the rows in view (after the data behind them changed). */
  refresh(): void {
    this.schedule();
  }

  private scrollIntoView(index: number): void {
    const c = this.options.container;
    const top = index * ROW_HEIGHT;
    if (top < c.scrollTop) c.scrollTop = top;
    else if (top + ROW_HEIGHT > c.scrollTop + c.clientHeight) c.scrollTop = top + ROW_HEIGHT - c.clientHeight;
  }

  private onKey(e: KeyboardEvent): void {
    const page = Math.max(1, Math.floor(this.options.container.clientHeight / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page };
    if (e.key in moves) this.select(this.selected < 0 ? Math.max(0, moves[e.key]! - 1) : this.selected + moves[e.key]!);
    else if (e.key === 'Home') this.select(0);
    else if (e.key === 'End') this.select(this.count - 1);
    else if (e.key === 'Enter' && this.selected >= 0) this.options.onActivate(this.selected);
    else return;
    e.preventDefault();
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.render();
    });
  }

  private render(): void {
    const c = this.options.container;
    const first = Math.max(0, Math.floor(c.scrollTop / ROW_HEIGHT) - OVERSCAN);
    const last = Math.min(this.count, Math.ceil((c.scrollTop + c.clientHeight) / ROW_HEIGHT) + OVERSCAN);
    const needed = Math.max(0, last - first);
    while (this.pool.length < needed) {
      const el = document.createElement('div');
      el.className = 'row';
      el.setAttribute('role', 'option');
      this.spacer.appendChild(el);
      this.pool.push(el);
    }
    for (let k = 0; k < this.pool.length; k++) {
      const el = this.pool[k]!;
      if (k >= needed) {
        // A spare row: hidden, and showing nothing (not even a stale selection).
        el.style.display = 'none';
        el.classList.remove('selected');
        el.setAttribute('aria-selected', 'false');
        continue;
      }
      const index = first + k;
      el.style.display = '';
      el.style.top = `${index * ROW_HEIGHT}px`;
      el.dataset.index = String(index);
      el.setAttribute('aria-selected', String(index === this.selected));
      el.classList.toggle('selected', index === this.selected);
      this.options.renderRow(index, el);
    }
  }
}
