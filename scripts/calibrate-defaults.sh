#!/usr/bin/env bash
# Reproduces, from the calibration labels, the semantic scorer's learned layer and the default
# configuration Moravec ships (weights and thresholds for lexicon + descriptors + semantic).
#
#   scripts/calibrate-defaults.sh [DATA]          DATA: the shared data folder (default ../shared/data)
#
# Writes plugins/semantic/src/main/resources/dev/moravec/semantic/exposure-model.json and
# distribution/src/conf/moravec.json (override with MODEL_OUT and CONFIG_OUT), and prints the
# cross-validated figures. The figures are honest: the weights are fitted on out-of-fold ratings, each
# fold rated with a learned layer that never saw that fold's occupations, and checked on folds grouped
# by occupation. Needs a JDK 21+; ./moravec builds what it needs (set MORAVEC to run another launcher,
# such as an unpacked distribution's bin/moravec).
set -euo pipefail
cd "$(dirname "$0")/.."

DATA=${1:-../shared/data}
LABELS=$DATA/calibration/exposure_labels_dev.tsv
MODEL_OUT=${MODEL_OUT:-plugins/semantic/src/main/resources/dev/moravec/semantic/exposure-model.json}
CONFIG_OUT=${CONFIG_OUT:-distribution/src/conf/moravec.json}
MORAVEC=${MORAVEC:-./moravec}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

echo "== 1. the taxonomy the descriptor scorer reads (O*NET 29.1 with skills, knowledge, task ratings)"
"$MORAVEC" taxonomy import "$DATA/onet/db_29_1_text" --data "$WORK/data" \
    --skills "$DATA/onet/db_30_1_extra/Skills.tsv" --knowledge "$DATA/onet/db_30_1_extra/Knowledge.tsv" \
    --task-ratings "$DATA/onet/task_ratings_29_3_summary.csv" --employment "$DATA/bls/oews_national_may2021.csv" \
    > /dev/null

echo "== 2. the learned layer on all labels, and for each fold one fitted without that fold"
"$MORAVEC" train semantic --labels "$LABELS" --out "$MODEL_OUT" --fold-models "$WORK/folds" --data "$WORK/data"

echo "== 3. out-of-fold ratings: each fold rated with the layer that never saw its occupations"
for k in 1 2 3 4 5; do
  printf '{"scorers": {"semantic": {"settings": {"model": "%s"}}}}\n' "$WORK/folds/fold-$k.json" \
      > "$WORK/folds/config-$k.json"
  "$MORAVEC" classify "$WORK/folds/fold-$k.tsv" --config "$WORK/folds/config-$k.json" --data "$WORK/data" \
      --out "$WORK/folds/scores-$k.jsonl" --no-progress
done
cat "$WORK"/folds/scores-*.jsonl > "$WORK/scores.jsonl"

echo "== 4. weights and the transferability threshold fitted on those ratings"
# the exposure labels stand for transferability: verification cost keeps the built-in weights and threshold
echo '{}' > "$WORK/defaults.json"
"$MORAVEC" calibrate --labels "$LABELS" --scores "$WORK/scores.jsonl" --label-axis TRANSFERABILITY \
    --config "$WORK/defaults.json" --data "$WORK/data" --out "$CONFIG_OUT"

echo "== 5. the shipped configuration on the out-of-fold ratings, with each scorer's own figures"
"$MORAVEC" evaluate --labels "$LABELS" --scores "$WORK/scores.jsonl" --config "$CONFIG_OUT" --data "$WORK/data"
