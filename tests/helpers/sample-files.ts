/** Small real files for the tool tests: a valid one-page PDF, an old Office container and the start of a Windows program. */
export const SAMPLE_PDF = Buffer.from(
  [
    '%PDF-1.4',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj',
    'trailer << /Root 1 0 R >>',
    '%%EOF',
    '',
  ].join('\n'),
);

/** The CFB header that .doc, .xls and .ppt files start with, padded to one sector. */
export const SAMPLE_CFB = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);

/** "MZ", and at 0x3c the offset of the "PE" header: what file-type recognises as an .exe. */
export function sampleExe(): Buffer {
  const exe = Buffer.alloc(1024);
  exe.write('MZ');
  exe.writeUInt32LE(0x80, 0x3c);
  exe.write('PE\0\0', 0x80, 'binary');
  return exe;
}
