/**
 * The debrief charts' look: series colours (distinct also in grey, and ≥ 3:1 on white), axis
 * text and lines — all as classes, since the CSP forbids style attributes. List after `sharedStyles`.
 */
import { css } from 'lit';

/** Shared by the bar chart, the timeline and the spread graph. */
export const chartStyles = css`
  :host {
    container-type: inline-size;
  }
  figure {
    margin: 0 0 1.5rem;
    min-width: 0;
  }
  figcaption {
    font-weight: 700;
    margin: 0 0 0.5rem;
  }
  .chart {
    display: grid;
    gap: 1rem;
    grid-template-columns: minmax(0, 1fr);
    align-items: start;
  }
  @container (min-width: 44rem) {
    .chart {
      grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
    }
  }
  svg {
    display: block;
    width: 100%;
    height: auto;
    max-width: 40rem;
  }
  .axis {
    stroke: #4a5361;
    stroke-width: 1;
  }
  .grid {
    stroke: #e3e5e8;
    stroke-width: 1;
  }
  .tick,
  .label {
    fill: #1b1f24;
    font-size: 13px;
  }
  .value {
    fill: #1b1f24;
    font-size: 12px;
    font-weight: 700;
  }
  .s0 {
    fill: #1d4ed8;
    stroke: #1d4ed8;
  }
  .s1 {
    fill: #b45309;
    stroke: #b45309;
  }
  .s2 {
    fill: #047857;
    stroke: #047857;
  }
  .s3 {
    fill: #7e22ce;
    stroke: #7e22ce;
  }
  .line {
    fill: none;
    stroke-width: 3;
  }
  .link {
    fill: none;
    stroke: #4a5361;
    stroke-width: 2;
  }
  .node {
    fill: #ffffff;
    stroke: #1d4ed8;
    stroke-width: 3;
  }
  .node.first {
    fill: #1d4ed8;
  }
  td.number,
  th.number {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  @media print {
    .scroller {
      overflow: visible;
      max-height: none;
    }
    figure {
      break-inside: avoid;
    }
  }
`;
