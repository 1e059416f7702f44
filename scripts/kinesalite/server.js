'use strict';
// Starts kinesalite on 127.0.0.1 only. Its own command line listens on every interface and has
// no host option, so the tests start it through this file instead.
//
// Usage: node server.js [--port N] [--path DIR] [--ssl] [--createStreamMs MS]
//                       [--deleteStreamMs MS] [--updateStreamMs MS] [--shardLimit N]
// --port 0 picks a free port. The first line on stdout is "Listening at <url>".

const kinesalite = require('kinesalite');

const NUMBER_OPTIONS = ['port', 'createStreamMs', 'deleteStreamMs', 'updateStreamMs',
  'shardLimit'];
const DEFAULT_PORT = 4567;

function parseArguments(args) {
  const options = {};
  for (let i = 0; i < args.length; i++) {
    const name = args[i].replace(/^--/, '');
    if (name === 'ssl') {
      options.ssl = true;
    } else if (name === 'path') {
      options.path = requireValue(args, ++i, name);
    } else if (NUMBER_OPTIONS.includes(name)) {
      options[name] = parseNumber(requireValue(args, ++i, name), name);
    } else {
      fail('unknown option ' + args[i]);
    }
  }
  return options;
}

function requireValue(args, index, name) {
  if (index >= args.length) {
    fail('missing value for --' + name);
  }
  return args[index];
}

function parseNumber(text, name) {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) {
    fail('invalid value for --' + name + ': ' + text + ' (expected a whole number >= 0)');
  }
  return value;
}

function fail(message) {
  console.error('kinesalite wrapper: ' + message);
  process.exit(2);
}

const options = parseArguments(process.argv.slice(2));
// A port of 0 is valid (the system picks a free one), so test for absence, not falsiness.
const port = options.port != null ? options.port : DEFAULT_PORT;
const server = kinesalite(options);

server.on('error', (error) => fail('cannot listen on 127.0.0.1:' + port + ': ' + error.message));

server.listen(port, '127.0.0.1', () => {
  const protocol = options.ssl ? 'https' : 'http';
  console.log('Listening at ' + protocol + '://127.0.0.1:' + server.address().port);
});

function stop() {
  // Closing the server also closes the LevelDB store, so records written with --path persist.
  server.closeAllConnections();
  server.close(() => process.exit(0));
}

// kinesalite 3.3.3 rethrows every error of an incoming request, and Node 16 and later report
// a client that disconnects mid-request (an agent killed with SIGKILL) as the error "aborted"
// with code ECONNRESET. Uncaught, that would stop the server for every other client, so this
// one error is logged and dropped. Any other uncaught error still ends the process.
process.on('uncaughtException', (error) => {
  if (error && error.code === 'ECONNRESET' && error.message === 'aborted') {
    console.error('kinesalite wrapper: a client disconnected mid-request; ignoring it');
    return;
  }
  console.error(error);
  process.exit(1);
});

process.on('SIGTERM', stop);
process.on('SIGINT', stop);
