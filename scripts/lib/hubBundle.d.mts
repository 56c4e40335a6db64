export const hubEntry: string;
export function buildHubBundle(): Promise<string>;
