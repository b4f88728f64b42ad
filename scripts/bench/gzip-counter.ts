// The benches' gzip sink: a CompressionStream whose output is only counted (backup steps, backup floor).

/** Drains a CompressionStream's output, counting its bytes. */
export function gzipCounter() {
  const gzip = new CompressionStream('gzip');
  let bytes = 0;
  const drained = gzip.readable.pipeTo(
    new WritableStream({
      write(chunk) {
        bytes += chunk.byteLength;
      },
    }),
  );
  const writer = gzip.writable.getWriter();
  return {
    write: async (chunk: Uint8Array<ArrayBuffer>) => {
      await writer.ready;
      await writer.write(chunk);
    },
    close: async () => {
      await writer.close();
      await drained;
      return bytes;
    },
  };
}
