declare module "@architect/sandbox" {
  interface StartOptions {
    cwd?: string;
    port?: number;
    quiet?: boolean;
    env?: Record<string, string>;
  }
  const sandbox: {
    start(options?: StartOptions): Promise<string>;
    end(): Promise<string>;
  };
  export default sandbox;
}
