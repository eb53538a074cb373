// The two modules of @architect/functions that src/data/arc.ts takes directly; the package
// types only its index.
declare module "@architect/functions/src/discovery" {
  export default function discover(
    callback: (error: Error | null, services: Record<string, Record<string, string>>) => void,
  ): void;
}

declare module "@architect/functions/src/events/publish" {
  export default function publisherOf(
    arc: { services(): Promise<unknown> },
    type: "events" | "queues",
  ): (params: { name: string; payload: unknown }) => Promise<unknown>;
}
