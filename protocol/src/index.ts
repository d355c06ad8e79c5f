/**
 * The contract between the Digest Lens client and server: the custom requests and
 * notifications, each defined once with its method name and typed params and result, and
 * the plain JSON types they carry. Both sides import this folder and nothing of each other;
 * it imports only vscode-jsonrpc (for the typed message objects), never server/ or client/.
 */
export * from './common';
export * from './status';
export * from './sidebar';
export * from './facts';
export * from './entities';
export * from './rates';
