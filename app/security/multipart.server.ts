import { json, unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import { verifyCsrf } from "./csrf.server";
import { CSRF_PROBLEM, formEncoding, unreadableForm } from "./form.server";
import { maxBodyBytes } from "./request-guard.server";

/** A file over the limit: its bytes were dropped, its size and type kept for the message. */
interface OversizedFile {
  size: number;
  type: string;
}

export interface UploadRead {
  form: FormData;
  oversized: Map<string, OversizedFile>;
  problem: string | null;
}

const TOO_LARGE = "This form is too large to send.";

// Remix's memory handler throws on the first file over its limit, which loses everything the
// student typed. This one drains an oversized file, remembers it, and carries on, so the form
// comes back with a message on that field. A text field may be as large as the body was allowed
// to be: the route's own limits then answer with the text kept, rather than losing it here.
function cappedUploadHandler(
  maxFileBytes: number,
  maxTextBytes: number,
  oversized: Map<string, OversizedFile>,
): UploadHandler {
  return async ({ name, filename, contentType, data }) => {
    const cap = filename === undefined ? maxTextBytes : maxFileBytes;
    const chunks: Uint8Array<ArrayBuffer>[] = [];
    let size = 0;
    for await (const chunk of data) {
      size += chunk.byteLength;
      if (size <= cap) chunks.push(chunk as Uint8Array<ArrayBuffer>);
    }
    if (filename === undefined) {
      if (size > cap) throw json({ message: TOO_LARGE }, { status: 413 });
      return new Blob(chunks).text();
    }
    // A file input left empty still sends a part, with no name and no bytes.
    if (filename === "" && size === 0) return undefined;
    if (size > cap) {
      oversized.set(name, { size, type: contentType });
      return undefined;
    }
    return new File(chunks, filename, { type: contentType });
  };
}

/**
 * readForm's counterpart for forms with files (multipart), which `request.formData()` would
 * buffer whole. An url-encoded post (typed answers only) is read as usual. A bad CSRF token is a
 * `problem`, not an exception, so the route can re-render what the student typed.
 */
export async function readUploadForm(request: Request, maxFileBytes: number): Promise<UploadRead> {
  const length = Number(request.headers.get("Content-Length") ?? "0");
  const maxBody = maxBodyBytes(new URL(request.url).pathname);
  if (length > maxBody) {
    throw json({ message: TOO_LARGE }, { status: 413 });
  }
  const oversized = new Map<string, OversizedFile>();
  const { multipart } = formEncoding(request);
  const form = await (
    multipart
      ? unstable_parseMultipartFormData(
          request,
          cappedUploadHandler(maxFileBytes, maxBody, oversized),
        )
      : request.formData()
  ).catch((error: unknown) => {
    // The upload handler's own 413 says more than "damaged".
    throw error instanceof Response ? error : unreadableForm();
  });
  try {
    await verifyCsrf(request, form);
    return { form, oversized, problem: null };
  } catch {
    return { form, oversized, problem: CSRF_PROBLEM };
  }
}
