// Second, independent CAR reader (@ipld/car) for the Python CAR writer in app/token/car.py.
// Usage: node car-roots.mjs FILE.car
// Re-hashes every block against its CID (sha2-256) and prints JSON:
// {"roots": [CID, ...], "blocks": N, "cids": [CID, ...]}; exits 1 if any block does not match.
import { createReadStream } from 'node:fs'
import { CarBlockIterator } from '@ipld/car'
import { sha256 } from 'multiformats/hashes/sha2'
import { equals } from 'multiformats/bytes'

const iterator = await CarBlockIterator.fromIterable(createReadStream(process.argv[2]))
const roots = (await iterator.getRoots()).map(cid => cid.toString())
const cids = []
for await (const { cid, bytes } of iterator) {
  const digest = await sha256.digest(bytes)
  if (cid.multihash.code !== sha256.code || !equals(digest.digest, cid.multihash.digest)) {
    console.error(`block ${cid} does not match its CID`)
    process.exit(1)
  }
  cids.push(cid.toString())
}
console.log(JSON.stringify({ roots, blocks: cids.length, cids }))
