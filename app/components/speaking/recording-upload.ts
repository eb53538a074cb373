import { baseMimeType } from "../../../src/assessments/speaking-fields";

/** Where the server said to send a recording (a presigned S3 PUT, or this site locally). */
export interface UploadTicket {
  key: string;
  upload: { method: "PUT"; url: string; headers: Record<string, string> };
}

/** A POST to the page's own action, answered as JSON (Remix's data request), or null. */
export async function postToAction(
  form: HTMLFormElement,
  routeId: string,
  data: FormData,
): Promise<Record<string, unknown> | null> {
  const url = new URL(form.action);
  url.searchParams.set("_data", routeId);
  try {
    const response = await fetch(url, { method: "POST", body: data });
    return response.headers.get("Content-Type")?.includes("json")
      ? ((await response.json()) as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

export async function putRecording(ticket: UploadTicket, blob: Blob): Promise<boolean> {
  try {
    const { method, url, headers } = ticket.upload;
    return (await fetch(url, { method, headers, body: blob })).ok;
  } catch {
    return false;
  }
}

export function ticketRequest(form: HTMLFormElement, part: number, blob: Blob): FormData {
  const fields = new FormData(form);
  const data = new FormData();
  for (const name of ["csrf", "assessmentId"]) {
    const value = fields.get(name);
    if (typeof value === "string") data.set(name, value);
  }
  data.set("intent", "upload-ticket");
  data.set("part", String(part));
  data.set("contentType", baseMimeType(blob.type) || "audio/webm");
  data.set("bytes", String(blob.size));
  return data;
}

/** The draft's answers with this part's recording; other parts' files stay out of it. */
export function backgroundSave(form: HTMLFormElement, part: number): FormData {
  const data = new FormData(form);
  data.set("intent", "save");
  data.set("background", "1");
  for (const [name, value] of [...data.entries()]) {
    const other = name.startsWith("audio-") && name !== `audio-${part}`;
    if (other || (value instanceof File && value.size === 0)) data.delete(name);
  }
  return data;
}
