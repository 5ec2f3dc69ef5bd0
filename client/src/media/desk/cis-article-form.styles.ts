/** Styles of `cis-article-form`, kept apart so the element file stays about behaviour. */
import { css } from 'lit';

/** The compose form's fields and buttons, and the preview under it. */
export const articleFormStyles = css`
  form {
    display: grid;
    gap: 0.9rem;
    max-width: 50rem;
  }
  .row {
    display: grid;
    gap: 0.9rem;
    grid-template-columns: repeat(auto-fit, minmax(min(14rem, 100%), 1fr));
  }
  .field {
    display: grid;
    gap: 0.25rem;
  }
  textarea.body {
    min-height: 14rem;
    font-family: ui-monospace, 'Cascadia Mono', 'Noto Sans Mono', monospace;
  }
  .hint {
    margin: 0;
    font-size: 0.95rem;
    color: var(--cis-muted);
  }
  .check {
    display: flex;
    gap: 0.5rem;
    align-items: center;
  }
  .check input {
    width: 1.4rem;
    height: 1.4rem;
    min-height: 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .message {
    margin: 0;
    font-weight: 600;
  }
  .message:empty {
    display: none;
  }
  .success {
    color: #14532d;
  }
  .preview {
    margin-top: 1.25rem;
    max-width: 50rem;
    border: 2px dashed #8a6d00;
    border-radius: 8px;
    padding: 1rem 1.25rem;
    background: #fffdf5;
  }
  .preview h3 {
    margin: 0 0 0.5rem;
  }
  .preview-body {
    font-family: Georgia, 'Times New Roman', serif;
    line-height: 1.6;
    overflow-wrap: anywhere;
  }
  .editing {
    margin: 0 0 0.75rem;
    color: var(--cis-muted);
  }
`;
