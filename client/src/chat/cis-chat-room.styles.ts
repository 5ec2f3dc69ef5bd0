/** Styles of `cis-chat-room`, kept apart so the element file stays about behaviour. */
import { css } from 'lit';

/** The room's heading, presence line, banners, notices and composer spacing. */
export const chatRoomStyles = css`
  .crumbs {
    margin: 0 0 0.5rem;
  }
  .crumbs a {
    display: inline-flex;
    align-items: center;
    min-height: 44px;
  }
  h3 {
    margin: 0 0 0.25rem;
    font-size: 1.35rem;
  }
  .description {
    margin: 0 0 0.25rem;
    color: var(--cis-muted);
  }
  .presence {
    margin: 0 0 0.75rem;
  }
  .presence .label {
    font-weight: 600;
  }
  .presence .person {
    white-space: nowrap;
  }
  .banners:empty,
  .offline:empty,
  .warning:empty,
  .error:empty {
    display: none;
  }
  .banner {
    margin: 0 0 0.75rem;
    padding: 0.6rem 1rem;
    border-radius: 6px;
    font-weight: 700;
  }
  .banner.closed {
    background: #fde2e2;
    border: 2px solid #a61b1b;
    color: #7f1212;
  }
  .banner.muted {
    background: #fdecc8;
    border: 2px solid #8a5a00;
    color: #5c3d00;
  }
  .offline {
    margin: 0 0 0.5rem;
    color: #6b3d00;
    font-weight: 600;
  }
  .warning {
    margin: 0.75rem 0 0;
    padding: 0.5rem 0.75rem;
    border-left: 5px solid #8a5a00;
    background: #fff8e1;
    color: #4a3300;
    font-weight: 600;
  }
  .error {
    margin: 0.75rem 0 0;
  }
  cis-chat-composer {
    margin-top: 0.75rem;
  }
  .notice h3 {
    margin: 0.5rem 0;
  }
  /* While the room opens, about the room's height is kept, so what follows it does not jump down. */
  .opening {
    margin: 0;
    min-height: 24rem;
  }
  /* A phone: the heading block tighter, so the log and the composer fit the first screen. */
  @media (max-width: 40rem) {
    .crumbs {
      margin: 0;
    }
    h3 {
      font-size: 1.15rem;
    }
    .description {
      font-size: 0.9rem;
    }
    .presence {
      margin: 0 0 0.4rem;
      font-size: 0.9rem;
    }
    cis-chat-composer {
      margin-top: 0.5rem;
    }
    .opening {
      min-height: 22rem;
    }
  }
`;
