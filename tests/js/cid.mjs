// Reference CID for one file, computed by the JS UnixFS importer (what Helia/js-ipfs use),
// so the Python implementation in app/token/cid.py is checked against independent code.
// Usage: node cid.mjs FILE --cid-version N --raw-leaves true|false --chunk-size N --max-links N
// Prints JSON: {"root": CID, "blocks": [CID, ...]} (every block the importer wrote).
import { createReadStream } from 'node:fs'
import { parseArgs } from 'node:util'
import { MemoryBlockstore } from 'blockstore-core/memory'
import { importFile } from 'ipfs-unixfs-importer'
import { fixedSize } from 'ipfs-unixfs-importer/chunker'
import { balanced } from 'ipfs-unixfs-importer/layout'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'cid-version': { type: 'string' },
    'raw-leaves': { type: 'string' },
    'chunk-size': { type: 'string' },
    'max-links': { type: 'string' }
  }
})

// The memory blockstore keys by multihash only, so record full CIDs (with codec) as they are put.
class RecordingBlockstore extends MemoryBlockstore {
  cids = new Set()
  put (key, val, options) {
    this.cids.add(key.toString())
    return super.put(key, val, options)
  }
}

const blockstore = new RecordingBlockstore()
const entry = await importFile({ content: createReadStream(positionals[0]) }, blockstore, {
  cidVersion: Number(values['cid-version']),
  rawLeaves: values['raw-leaves'] === 'true',
  chunker: fixedSize({ chunkSize: Number(values['chunk-size']) }),
  layout: balanced({ maxChildrenPerNode: Number(values['max-links']) }),
  reduceSingleLeafToSelf: true
})
console.log(JSON.stringify({ root: entry.cid.toString(), blocks: [...blockstore.cids].sort() }))
