// Drives the sidecar's /mcp with an official TypeScript MCP client and prints what it got as one
// JSON object, for McpClientsIT to check. Run from the folder the clients are installed in.
// Usage: node clients.mjs <mcp url> <sdk-1 | client-2-modern | client-2-legacy>
const [url, flavour] = process.argv.slice(2);

async function connect() {
  const info = { name: 'mcp-clients-it', version: '1.0.0' };
  if (flavour === 'sdk-1') {
    const { Client } = await import('@modelcontextprotocol/sdk/client/index.js');
    const { StreamableHTTPClientTransport } = await import(
      '@modelcontextprotocol/sdk/client/streamableHttp.js');
    const client = new Client(info);
    const transport = new StreamableHTTPClientTransport(new URL(url));
    await client.connect(transport);
    return { client, version: transport.protocolVersion };
  }
  const { Client, StreamableHTTPClientTransport } = await import('@modelcontextprotocol/client');
  // Pinned: the client fails rather than fall back if the server does not speak 2026-07-28.
  const options = flavour === 'client-2-modern'
    ? { versionNegotiation: { mode: { pin: '2026-07-28' } } } : {};
  const client = new Client(info, options);
  await client.connect(new StreamableHTTPClientTransport(new URL(url)));
  return { client, version: client.getNegotiatedProtocolVersion() };
}

async function failure(call) {
  try {
    await call();
    return null;
  } catch (e) {
    return { code: e.code ?? null, message: String(e.message ?? e) };
  }
}

const { client, version } = await connect();
const tools = (await client.listTools()).tools;
const history = await client.callTool({ name: 'session', arguments: { action: 'get_history' } });
const typed = await client.callTool({
  name: 'session', arguments: { action: 'get_history' },
  _meta: { 'dev.sessionsidecar/data': true } });
const wrongType = await client.callTool({
  name: 'session', arguments: { action: 'recap', since_days: 'five' } });
const unknownTool = await failure(() => client.callTool({ name: 'grep', arguments: {} }));
console.log(JSON.stringify({
  version,
  tools: tools.map(t => ({ name: t.name, outputSchema: t.outputSchema ?? null })),
  history, typed, wrongType, unknownTool,
}));
await client.close();
