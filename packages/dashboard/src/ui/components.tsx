import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

/** The API's message for a failure, announced to screen readers; a retry when given. */
export function ErrorNote({ error, retry }: { error: Error; retry?: () => void }) {
  return (
    <div class="error" role="alert">
      <p>
        <strong>Error:</strong> {error.message}
      </p>
      {retry ? (
        <button type="button" onClick={retry}>
          Retry
        </button>
      ) : null}
    </div>
  );
}

export function Loading({ what }: { what: string }) {
  return <p aria-live="polite">Loading {what}…</p>;
}

/** A severity, status or state as a coloured label (text, never colour alone). */
export function Badge({ kind, value }: { kind: 'severity' | 'status' | 'state'; value: string }) {
  return <span class={`badge ${kind}-${value.toLowerCase().replace(/_/g, '-')}`}>{value}</span>;
}

/** A block of code with a button that copies it (`navigator.clipboard`). */
export function CopyBlock({ label, text }: { label: string; text: string }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | undefined>();
  const copy = () =>
    navigator.clipboard.writeText(text).then(
      () => setCopied('yes'),
      () => setCopied('failed'),
    );
  return (
    <div class="copy-block">
      <div class="copy-head">
        <span>{label}</span>
        <button type="button" onClick={copy} aria-label={`Copy ${label}`}>
          Copy
        </button>
        <span aria-live="polite" class="copied">
          {copied === 'yes'
            ? 'Copied'
            : copied === 'failed'
              ? 'Could not copy: select and copy the text'
              : ''}
        </span>
      </div>
      <pre>
        <code>{text}</code>
      </pre>
    </div>
  );
}

/** `2026-12-01 19:03 UTC` from an ISO time; the text as is when it is not one. */
export function time(iso: string | undefined): string {
  if (!iso) return '';
  const parsed = new Date(iso);
  if (Number.isNaN(parsed.getTime())) return iso;
  return `${parsed.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function Section({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <section aria-label={title}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}
