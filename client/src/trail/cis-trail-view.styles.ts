/** Styles of `cis-trail-view`, kept apart so the element file stays about behaviour. */
import { css } from 'lit';

/** The filters row, the live indicator and the events table's columns (after `logTableStyles`). */
export const trailViewStyles = css`
  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: 0.75rem 1rem;
    margin-bottom: 0.75rem;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.2rem;
  }
  .field input {
    width: 12rem;
    max-width: 100%;
  }
  .field select {
    max-width: 100%;
  }
  @media (max-width: 40rem) {
    .field,
    .field input {
      width: 100%;
    }
  }
  .live {
    margin: 0 0 0.5rem auto;
    display: inline-flex;
    align-items: center;
    gap: 0.4rem;
    font-weight: 600;
    color: var(--cis-muted);
  }
  .live .dot {
    width: 0.75rem;
    height: 0.75rem;
    border-radius: 50%;
    background: #6b7280;
  }
  .live.live .dot {
    background: #15803d;
  }
  .live.live {
    color: #14532d;
  }
  .live.offline .dot {
    background: #b45309;
  }
  .empty {
    padding: 1.5rem 1rem;
    text-align: center;
    color: var(--cis-muted);
    background: var(--cis-paper);
    border: 1px dashed var(--cis-line);
    border-radius: 8px;
  }
  td.detail {
    overflow-wrap: anywhere;
    min-width: 8rem;
  }
  .kind {
    display: inline-block;
    padding: 0.05rem 0.4rem;
    border-radius: 4px;
    background: #e8eaee;
    font-size: 0.9rem;
    font-weight: 600;
  }
  .kind.blocked_address,
  .kind.search_flagged,
  .kind.post_filtered,
  .kind.chat_blocked {
    background: #fde2e2;
    color: #7f1212;
  }
  .kind.login_failed {
    background: #fdecc8;
    color: #6b3d00;
  }
  tr.fresh {
    background: #fff8d6;
  }
  @media (prefers-reduced-motion: no-preference) {
    tr.fresh {
      animation: arrive 2.5s ease-out;
    }
    @keyframes arrive {
      from {
        background: #fde68a;
      }
    }
  }
`;
