/**
 * What this app uses of @architect/functions: service discovery (table names) and event
 * publishing, from the two modules that do them. The package's index also loads its DynamoDB
 * and HTTP helpers, with their own copy of the AWS client (about 200 KB of the HTTP Lambda's
 * bundle) that nothing here runs. Sandbox and Architect always set ARC_ENV, which the index
 * would otherwise default to "testing".
 */
import discover from "@architect/functions/src/discovery";
import publisherOf from "@architect/functions/src/events/publish";

type ServiceMap = Record<string, Record<string, string> | undefined>;

let services: Promise<ServiceMap> | undefined;

/** Names the deployment gave the app's resources (SSM in AWS, Sandbox locally); asked once. */
export function arcServices(): Promise<ServiceMap> {
  services ??= new Promise<ServiceMap>((resolve, reject) =>
    discover((error, map) => (error ? reject(error) : resolve(map))),
  ).catch((error: unknown) => {
    // A failed lookup (Sandbox not up yet) must not poison the process for good.
    services = undefined;
    throw error;
  });
  return services;
}

/** SNS in AWS, Sandbox's event bus locally: the module resolves which. */
export const publishToArc = publisherOf({ services: arcServices }, "events");
