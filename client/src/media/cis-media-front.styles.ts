/** Styles of the front-page layouts of `cis-media-front`: the news agency's wire and the daily's broadsheet. */
import { css } from 'lit';

/** The wire and the broadsheet (after the element's own digest styles). */
export const frontLayoutStyles = css`
  /* The wire: one column of bulletins, each stamped with its date like a teleprinter sheet. */
  :host([layout='wire']) {
    max-width: 52rem;
    margin: 0 auto;
  }
  :host([layout='wire']) .lead {
    text-align: start;
    border-style: solid;
    border-width: 3px 3px 3px 12px;
  }
  :host([layout='wire']) .summary {
    margin: 0;
  }
  ol.wire {
    list-style: none;
    margin: 0;
    padding: 0;
    border-inline-start: 4px solid var(--media-red);
  }
  ol.wire li {
    display: grid;
    gap: 0.25rem 1rem;
    grid-template-columns: minmax(0, 1fr);
    padding: 0.85rem 0 0.85rem 1rem;
    border-bottom: 1px dashed var(--media-brown);
  }
  @media (min-width: 40rem) {
    ol.wire li {
      grid-template-columns: 9rem minmax(0, 1fr);
    }
  }
  ol.wire li.fresh {
    background: var(--media-gold-light);
  }
  .stamp {
    font-family: ui-monospace, 'Courier New', monospace;
    font-weight: 700;
    color: var(--media-red-ink);
    text-transform: uppercase;
  }
  ol.wire h4,
  .story h4 {
    margin: 0 0 0.3rem;
    font-size: 1.2rem;
    line-height: 1.25;
  }
  ol.wire p,
  .story p {
    margin: 0;
  }

  /* The broadsheet: the lead and its picture beside the edition's headlines; sections in ruled columns. */
  .sheet-top {
    display: grid;
    gap: 1.5rem;
    grid-template-columns: minmax(0, 1fr);
    padding-bottom: 1rem;
    border-bottom: 4px double var(--media-red);
  }
  @media (min-width: 56rem) {
    .sheet-top {
      grid-template-columns: minmax(0, 2fr) minmax(0, 1fr);
    }
  }
  :host([layout='broadsheet']) .lead {
    align-self: start;
    margin: 0;
    text-align: start;
  }
  :host([layout='broadsheet']) .lead .summary {
    margin: 0;
  }
  .lead .monument {
    float: inline-end;
    width: clamp(4rem, 18vw, 8rem);
    margin: 0 0 0.5rem 1rem;
  }
  .edition h3.band {
    margin-top: 0;
  }
  .edition ol {
    margin: 0;
    padding-inline-start: 1.5rem;
    font-family: var(--media-serif);
    font-size: 1.1rem;
  }
  .edition li {
    padding: 0.4rem 0;
    border-bottom: 1px solid var(--media-gold);
  }
  .edition li.fresh {
    background: var(--media-gold-light);
  }
  .edition .kicker {
    margin: 0;
    font-family: system-ui, sans-serif;
    font-size: 0.8rem;
  }
  .sheet-columns {
    columns: 3 18rem;
    column-gap: 2rem;
    column-rule: 1px solid var(--media-brown);
  }
  .column {
    break-inside: avoid;
  }
  .story {
    padding: 0.6rem 0;
    border-bottom: 1px solid var(--media-gold);
  }
`;
