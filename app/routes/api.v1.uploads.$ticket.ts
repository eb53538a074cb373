import { getAudioStore, receiveLocalUpload } from "~/models/student-work.server";
import { apiRoute, problem, rawBody } from "~/api.server";

const route = apiRoute({
  // Authorised by the single-use ticket in the URL, as a presigned S3 URL is: no bearer token.
  PUT: async ({ request, params, context }) => {
    const outcome = await receiveLocalUpload(getAudioStore(), {
      ticket: params.ticket ?? "",
      bytes: await rawBody(request, context),
      contentType: request.headers.get("Content-Type") ?? "",
    });
    switch (outcome) {
      case "stored":
        return {};
      case "expired":
        throw problem(request, "upload-expired", "Ask for a new upload URL and send it again.");
      case "mismatch":
        throw problem(
          request,
          "bad-request",
          `Send exactly the bytes and Content-Type this upload was issued for. DEBUG ${request.headers.get("Content-Type")} ${
            (
              await request
                .clone()
                .arrayBuffer()
                .catch(() => new ArrayBuffer(0))
            ).byteLength
          }`,
        );
      default:
        throw problem(request, "not-found", "There is no such upload: ask for a new URL.");
    }
  },
});

export const loader = route.loader;
export const action = route.action;
