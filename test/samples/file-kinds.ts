import { extname } from 'node:path';

/** The kinds of file samples save or upload, by extension. */
export type FileKind = 'png' | 'wav' | 'mp3' | 'glb';

interface KindInfo {
  /** A small file of that kind, valid enough to be recognised by its first bytes. */
  sample: Buffer;
  contentType: string;
  matches(bytes: Buffer): boolean;
}

// A 1×1 PNG; a WAV header with 4 samples of silence; an MP3 frame header behind an ID3 tag;
// a glTF binary header. Each is what its magic bytes say, which is all the check asks.
const KINDS: Record<FileKind, KindInfo> = {
  png: {
    sample: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'),
    contentType: 'image/png',
    matches: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  wav: {
    sample: wav(),
    contentType: 'audio/wav',
    matches: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WAVE',
  },
  mp3: {
    sample: Buffer.concat([Buffer.from('ID3\x04\x00\x00\x00\x00\x00\x00', 'latin1'), Buffer.from([0xff, 0xfb, 0x90, 0x64]), Buffer.alloc(413)]),
    contentType: 'audio/mpeg',
    matches: (b) => b.subarray(0, 3).toString('latin1') === 'ID3' || (b[0] === 0xff && ((b[1] ?? 0) & 0xe0) === 0xe0),
  },
  glb: {
    sample: Buffer.concat([Buffer.from('glTF', 'latin1'), u32(2), u32(12)]),
    contentType: 'model/gltf-binary',
    matches: (b) => b.subarray(0, 4).toString('latin1') === 'glTF',
  },
};

function u32(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32LE(value);
  return buffer;
}

function wav(): Buffer {
  const data = Buffer.alloc(8);
  const header = Buffer.concat([
    Buffer.from('RIFF', 'latin1'), u32(36 + data.length), Buffer.from('WAVEfmt ', 'latin1'), u32(16),
    Buffer.from([1, 0, 1, 0]), u32(8000), u32(16000), Buffer.from([2, 0, 16, 0]), Buffer.from('data', 'latin1'), u32(data.length),
  ]);
  return Buffer.concat([header, data]);
}

/** The kind a file name declares by its extension, or null for one the check does not know. */
export function declaredKind(fileName: string): FileKind | null {
  const ext = extname(fileName).slice(1).toLowerCase();
  return ext in KINDS ? (ext as FileKind) : null;
}

/** A small valid file of this kind, and its content type. */
export function sampleFile(kind: FileKind): { bytes: Buffer; contentType: string } {
  return { bytes: KINDS[kind].sample, contentType: KINDS[kind].contentType };
}

/** Whether `bytes` start as a file of this kind does. */
export function isKind(kind: FileKind, bytes: Buffer): boolean {
  return KINDS[kind].matches(bytes);
}
