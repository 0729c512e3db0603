export const EMPTY_SHA256: string;
export function sha256Hex(body: string | Uint8Array): string;
export function encodeRfc3986(text: string): string;
export function encodeKeyPath(path: string): string;
export function amzDate(date: Date): string;
export function signV4(request: {
  method: string;
  path: string;
  query?: string;
  headers: Record<string, string>;
  region: string;
  service?: string;
  accessKeyId: string;
  secretAccessKey: string;
}): { authorization: string; canonicalRequest: string; stringToSign: string; signature: string };
