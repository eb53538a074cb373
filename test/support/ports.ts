// Tests run their own Sandbox beside any `npm start` instance, so they use their own ports.
export const testPorts = { http: 3334, events: 4445, tables: 5556, internal: 2223 } as const;
export const baseUrl = `http://localhost:${testPorts.http}`;
