#!/bin/sh
# make.sh rebuilds the clean-prose corpus in this folder from its sources.
#
# It needs Go, the Python documentation sources (Debian: apt-get install
# python3-doc) and The Devil's Dictionary in dictd format (Debian: apt-get
# install dict-devil). The folders can be given in the environment:
#
#   GOROOT   Go installation (default: go env GOROOT)
#   PYDOC    Python documentation's reStructuredText sources (html/_sources)
#   DEVIL    devil.dict.dz
set -eu
cd "$(dirname "$0")"
GOROOT=${GOROOT:-$(go env GOROOT)}
PYDOC=${PYDOC:-/usr/share/doc/python3-doc/html/_sources}
DEVIL=${DEVIL:-/usr/share/dictd/devil.dict.dz}
go run gen.go -goroot "$GOROOT" -pydoc "$PYDOC" -devil "$DEVIL" -out .
