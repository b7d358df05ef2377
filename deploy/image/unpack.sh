#!/usr/bin/env bash
# Unpacks an image tar (docker save / jib:buildTar format) as a container runtime would:
#   deploy/image/unpack.sh IMAGE_TAR DIR   -> DIR/tar (manifest.json, the config, the layers)
#                                             DIR/root (the layers applied in order: the file system)
set -euo pipefail
image="$1" dir="$2"
mkdir -p "$dir/tar" "$dir/root"
tar --warning=no-unknown-keyword -xf "$image" -C "$dir/tar"
jq -r '.[0].Layers[]' "$dir/tar/manifest.json" | while read -r layer; do
  tar --warning=no-unknown-keyword -xzf "$dir/tar/$layer" -C "$dir/root"
done
