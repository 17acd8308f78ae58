/**
 * Tools: what a coordinator may upload. The type is decided by the file's content (its magic bytes,
 * detected by the caller with file-type), and the name's extension must agree with it, so an
 * .exe renamed .pdf is refused. Old Office files (.doc, .xls, .ppt) share one container format
 * (CFB), so for those the extension says which of the three it is.
 */
export const TOOL_MAX_BYTES = 10 * 1024 * 1024;

export const TOOL_LIMITS = { title: 120, description: 500, link: 500 } as const;

type Kind = { ext: string; mime: string; label: string };

const BY_EXTENSION: Record<string, Kind> = {
  pdf: { ext: 'pdf', mime: 'application/pdf', label: 'PDF' },
  docx: { ext: 'docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: 'Word' },
  xlsx: { ext: 'xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', label: 'Excel' },
  pptx: { ext: 'pptx', mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', label: 'PowerPoint' },
  doc: { ext: 'doc', mime: 'application/msword', label: 'Word' },
  xls: { ext: 'xls', mime: 'application/vnd.ms-excel', label: 'Excel' },
  ppt: { ext: 'ppt', mime: 'application/vnd.ms-powerpoint', label: 'PowerPoint' },
};

/** The content types (file-type's `ext`) each extension may have. */
const CONTENT_FOR: Record<string, string[]> = {
  pdf: ['pdf'],
  docx: ['docx'],
  xlsx: ['xlsx'],
  pptx: ['pptx'],
  doc: ['cfb'],
  xls: ['cfb'],
  ppt: ['cfb'],
};

export const TOOL_ACCEPT = Object.keys(BY_EXTENSION)
  .map((e) => `.${e}`)
  .join(',');

export type ToolFileProblem = 'file_empty' | 'file_too_large' | 'file_type_not_allowed' | 'file_content_mismatch';

export type ToolFileDecision =
  | { ok: true; ext: string; mime: string; fileName: string }
  | { ok: false; problem: ToolFileProblem; fileName: string; detected: string | null };

export function extensionOf(fileName: string): string {
  const match = /\.([A-Za-z0-9]+)$/.exec(fileName.trim());
  return match ? match[1]!.toLowerCase() : '';
}

/** A file name safe to send back in Content-Disposition: no path, no control characters, at most 150 characters. */
export function safeFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  return (cleaned || 'bestand').slice(-150);
}

/** Decides on an upload from its name, size and the type its content was detected as (null: unknown). */
export function decideToolFile(facts: { fileName: string; size: number; detected: string | null }): ToolFileDecision {
  const fileName = safeFileName(facts.fileName);
  if (facts.size === 0) return { ok: false, problem: 'file_empty', fileName, detected: facts.detected };
  if (facts.size > TOOL_MAX_BYTES) return { ok: false, problem: 'file_too_large', fileName, detected: facts.detected };
  const ext = extensionOf(fileName);
  const kind = BY_EXTENSION[ext];
  if (!kind) return { ok: false, problem: 'file_type_not_allowed', fileName, detected: facts.detected };
  if (!facts.detected || !CONTENT_FOR[ext]!.includes(facts.detected)) {
    return { ok: false, problem: 'file_content_mismatch', fileName, detected: facts.detected };
  }
  return { ok: true, ext, mime: kind.mime, fileName };
}

export function toolKindLabel(ext: string): string {
  return BY_EXTENSION[ext]?.label ?? ext.toUpperCase();
}
