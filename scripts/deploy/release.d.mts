export const MANIFEST_FILE: string;
export const IMMUTABLE_CACHE: string;
export const MOVING_CACHE: string;
export function contentTypeFor(file: string): string;
export function majorOf(version: string): string;
export function folderKey(prefix: string | undefined, folder: string): string;
export type ReleaseUpload = { file: string; body: Buffer; contentType: string };
export function readRelease(distDir: string): {
  name: string;
  version: string;
  major: string;
  manifest: { name: string; version: string; files: { file: string; integrity: string }[] };
  files: ReleaseUpload[];
};
