import { AtriumApiError } from '@atrium/client';
import { useEffect, useId, useRef, useState } from 'react';
import type { ChangeEvent } from 'react';
import { z } from 'zod/mini';
import type { ActionOutcome } from '../../../data/use-atrium-action';
import type { MessageKey } from '../../../i18n/catalog';
import { useAtrium, useI18n } from '../../../provider/use-atrium';
import { Button } from '../../../primitives/button/button';
import { describeError } from '../../../primitives/error-state/describe-error';
import { checkDocument, DOCUMENT_ACCEPT } from './file-checks';
import { useDropTarget } from './use-drop-target';
import type { FileProblem } from './file-checks';

/** What the BFF's `POST /files` answers; only the id is needed here. */
const uploadedFileSchema = z.object({ id: z.string().check(z.startsWith('file_')), object: z.literal('file') });

/** Stripe's file purposes for account documents. */
export type DocumentPurpose = 'identity_document' | 'additional_verification' | 'account_requirement';

type Phase =
  | { name: 'idle' }
  | { name: 'checking'; fileName: string }
  | { name: 'uploading'; fileName: string; percent: number }
  | { name: 'saving'; fileName: string }
  | { name: 'done'; fileName: string }
  // The message's key, not its words, so a failure shown before a change of locale is said again.
  | { name: 'failed'; message: MessageKey };

export interface DocumentUploadProps {
  /** What to upload, as a heading: "Identity document for Jenny Rosen". */
  title: string;
  description: string;
  purpose: DocumentPurpose;
  /** Puts the uploaded file on the account or person (`verification[document][front]`). */
  attach: (fileId: string) => Promise<ActionOutcome<unknown>>;
  /** Why the last document was refused, when it was. */
  failure?: string | undefined;
  /** A document was given and is being checked or was accepted. */
  provided: boolean;
}

const PROBLEMS: Record<FileProblem, MessageKey> = {
  empty: 'fields.document.error.empty',
  too_large: 'fields.document.error.tooLarge',
  unsupported_type: 'fields.document.error.type',
};

function uploadFailure(error: unknown): MessageKey {
  if (error instanceof AtriumApiError && error.code === 'file_too_large') return PROBLEMS.too_large;
  if (error instanceof AtriumApiError && error.code === 'file_type_unsupported') return PROBLEMS.unsupported_type;
  if (error instanceof AtriumApiError && error.code === 'file_empty') return PROBLEMS.empty;
  return describeError(error).messageKey;
}

/**
 * Checks a file, uploads it with progress, and attaches it: the phases a document goes through.
 * An upload still running when the component leaves the page is aborted.
 */
function useDocumentUpload(purpose: DocumentPurpose, attach: DocumentUploadProps['attach']) {
  const { client } = useAtrium();
  const [phase, setPhase] = useState<Phase>({ name: 'idle' });
  const upload = useRef<AbortController | undefined>(undefined);
  useEffect(() => () => upload.current?.abort(), []);
  const start = async (file: File) => {
    setPhase({ name: 'checking', fileName: file.name });
    const check = await checkDocument(file);
    if (!check.ok) {
      setPhase({ name: 'failed', message: PROBLEMS[check.problem] });
      return;
    }
    upload.current?.abort();
    const controller = new AbortController();
    upload.current = controller;
    const progress = (percent: number) => setPhase({ name: 'uploading', fileName: file.name, percent });
    progress(0);
    try {
      const uploaded = await client.upload('/files', file, {
        query: { purpose, filename: file.name },
        schema: uploadedFileSchema,
        signal: controller.signal,
        onProgress: ({ loadedBytes, totalBytes }) => progress(Math.round((loadedBytes / totalBytes) * 100)),
      });
      setPhase({ name: 'saving', fileName: file.name });
      const attached = await attach(uploaded.id);
      if (controller.signal.aborted) return;
      setPhase(
        attached.ok
          ? { name: 'done', fileName: file.name }
          : { name: 'failed', message: uploadFailure(attached.error) },
      );
    } catch (error) {
      if (!controller.signal.aborted) setPhase({ name: 'failed', message: uploadFailure(error) });
    }
  };
  return { phase, start, reset: () => setPhase({ name: 'idle' }) };
}

/**
 * One document to upload: a drop zone and a file picker, the type and size checked before
 * anything is sent, a progress bar while it uploads, and the file then put where it belongs.
 */
export function DocumentUpload({ title, description, purpose, attach, failure, provided }: DocumentUploadProps) {
  const { t } = useI18n();
  const id = `atr-document-${useId()}`;
  const { phase, start, reset } = useDocumentUpload(purpose, attach);
  const [dragging, setDragging] = useState(false);

  const onPick = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) void start(file);
  };
  const busy = phase.name === 'checking' || phase.name === 'uploading' || phase.name === 'saving';
  const dropTarget = useDropTarget(busy, setDragging, (file) => void start(file));
  const titleId = `${id}-title`;
  return (
    <section ref={dropTarget} className="atr-document" aria-labelledby={titleId} data-state={phase.name}>
      <h3 id={titleId} className="atr-document-title">
        {title}
      </h3>
      <p className="atr-text-secondary">{description}</p>
      {failure !== undefined && phase.name !== 'done' && (
        <p className="atr-field-error">{t('fields.document.refused', { reason: failure })}</p>
      )}
      {provided && phase.name === 'idle' && failure === undefined && (
        <p className="atr-document-status">{t('fields.document.provided')}</p>
      )}
      <div className="atr-dropzone" data-state={dragging ? 'dragging' : busy ? 'busy' : 'idle'}>
        <input
          id={`${id}-input`}
          type="file"
          accept={DOCUMENT_ACCEPT}
          className="atr-file-input"
          onChange={onPick}
          disabled={busy}
          aria-describedby={`${id}-formats`}
        />
        <label htmlFor={`${id}-input`} className="atr-button atr-file-button" data-variant="secondary" data-size="md">
          {phase.name === 'done' || provided ? t('fields.document.replace') : t('fields.document.choose')}
        </label>
        <span className="atr-text-secondary">{t('fields.document.drop')}</span>
        <span id={`${id}-formats`} className="atr-text-secondary atr-text-small">
          {t('fields.document.formats')}
        </span>
      </div>
      <UploadStatus phase={phase} onRetry={reset} />
    </section>
  );
}

/** Progress and outcome of the upload; the status region stays in place so changes are announced. */
function UploadStatus({ phase, onRetry }: { phase: Phase; onRetry: () => void }) {
  const { t } = useI18n();
  const percent = phase.name === 'uploading' ? phase.percent : 100;
  const showProgress = phase.name === 'uploading' || phase.name === 'saving';
  let text = '';
  if (phase.name === 'uploading') text = t('fields.document.uploading', { name: phase.fileName, percent });
  if (phase.name === 'saving') text = t('fields.document.saving', { name: phase.fileName });
  if (phase.name === 'done') text = t('fields.document.uploaded', { name: phase.fileName });
  return (
    <div className="atr-document-status">
      {showProgress && (
        <div
          className="atr-progress"
          role="progressbar"
          aria-label={t('fields.document.progress', { name: 'fileName' in phase ? phase.fileName : '' })}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
        >
          <span className="atr-progress-bar" style={{ width: `${percent}%` }} />
        </div>
      )}
      <p role="status" className={text === '' ? 'atr-visually-hidden' : undefined}>
        {text}
      </p>
      {phase.name === 'failed' && (
        <div role="alert" className="atr-document-failure">
          <p className="atr-field-error">{t(phase.message)}</p>
          <Button size="sm" variant="ghost" onClick={onRetry}>
            {t('fields.document.dismiss')}
          </Button>
        </div>
      )}
    </div>
  );
}
