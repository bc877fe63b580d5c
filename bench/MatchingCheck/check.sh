#!/usr/bin/env bash
# Checks the pairing engine's rounds against an independent solver: exports the 1k and 10k benchmark rounds
# (graph + chosen matching as plain text) and re-solves each graph with LEMON's MaxWeightedMatching.
# Usage: bench/MatchingCheck/check.sh [OUT_DIR] [ROUNDS]      (needs Debian's liblemon-dev and g++)
set -euo pipefail
cd "$(dirname "$0")/../.."
out="${1:-/tmp/networkingbot-export}"
rounds="${2:-3}"
if [ ! -f /usr/include/lemon/matching.h ]; then
  echo "installing liblemon-dev (LEMON graph library) ..."
  apt-get install -y -qq liblemon-dev >/dev/null
fi
g++ -O2 -std=c++17 -o "$out.check" bench/MatchingCheck/check_matching.cpp
rm -rf "$out"
dotnet run -c Release --project bench/NetworkingBot.Benchmarks -- 1000 10000 --rounds "$rounds" --no-baselines --export "$out" | grep exported
"$out.check" $(ls "$out"/*.graph | sed 's/\.graph$//' | sort -V)
