import { fakeApi } from "../external/http-fake";

// Just enough of SSM and CloudFormation for `arc deploy --dry-run` to write its template
// without an AWS account: no stored parameters, and no stack yet (a first deploy).
export async function startFakeControlPlane(): Promise<{
  url: string;
  requests: string[];
  close(): Promise<void>;
}> {
  const requests: string[] = [];
  const { url, close } = await fakeApi((req, res) => {
    const target = req.headers["x-amz-target"];
    requests.push(typeof target === "string" ? target : (req.url ?? ""));
    if (typeof target === "string" && target.endsWith("GetParametersByPath")) {
      res.setHeader("content-type", "application/x-amz-json-1.1");
      res.end(JSON.stringify({ Parameters: [] }));
      return;
    }
    const stack = new URL(req.url ?? "/", "http://x").searchParams.get("StackName") ?? "";
    res.statusCode = 400;
    res.setHeader("content-type", "text/xml");
    res.end(
      `<ErrorResponse><Error><Code>ValidationError</Code><Message>Stack with id ${stack} does not exist</Message></Error></ErrorResponse>`,
    );
  });
  return { url, requests, close };
}
