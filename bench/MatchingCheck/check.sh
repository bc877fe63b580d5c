#!/usr/bin/env bash
# Checks the pairing engine's rounds against an independent solver: exports benchmark rounds (graph + chosen
# matching as plain text) and re-solves each graph with LEMON's MaxWeightedMatching, summing in 128 bits.
#   NAME.graph           the graph the engine's matching is optimal on (complete up to 2,000; above it the
#                        candidate graph where pricing stopped, or the blocks' candidate graphs above 10,000)
#   NAME-complete.graph  every pair, for rounds of at most --export-limit members (default here 3,000): the
#                        complete graph's optimum, checked independently of our pricing
# Usage: bench/MatchingCheck/check.sh [OUT_DIR] [ROUNDS] [SIZES...]   (needs Debian's liblemon-dev and g++)
set -euo pipefail
cd "$(dirname "$0")/../.."
out="${1:-/tmp/networkingbot-export}"
rounds="${2:-3}"
shift $(( $# > 2 ? 2 : $# ))
sizes="${*:-1000 3000 10000}"
if [ ! -f /usr/include/lemon/matching.h ]; then
  echo "installing liblemon-dev (LEMON graph library) ..."
  apt-get update -qq >/dev/null && apt-get install -y -qq liblemon-dev >/dev/null
fi
g++ -O2 -std=c++17 -o "$out.check" bench/MatchingCheck/check_matching.cpp
rm -rf "$out"
# shellcheck disable=SC2086
dotnet run -c Release --project bench/NetworkingBot.Benchmarks -- $sizes --rounds "$rounds" --no-baselines --export "$out" --export-limit 3000 | grep exported
"$out.check" $(ls "$out"/*.graph | sed 's/\.graph$//' | sort -V)
