"""What the command-line tools do with the records: the downloads, the diff between versions, the source audit."""
