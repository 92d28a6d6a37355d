# Builds this source tree (tests skipped) on first use or when its sources changed since the last
# build; sourced by ./moravec and ./moravec-bench, which then run what the build made.
# Needs: root (this tree's folder). Sets MORAVEC_JAVA_HOME and MORAVEC_JAVA_VERSION; exits on failure.

# shellcheck source=../distribution/src/bin/moravec-java.sh
. "$root/distribution/src/bin/moravec-java.sh"
if ! moravec_find_java; then
  moravec_no_java_message
  exit 4
fi

stamp="$root/distribution/target/moravec/lib/.built"
stale=""
if [[ ! -f $stamp || ! -x $root/tools/bench/target/moravec-bench/bin/moravec-bench ]]; then
  stale="it has not been built yet"
elif [[ -n $(cd "$root" && find . \( -name target -o -name .git -o -name node_modules \) -prune -o -type f \
    \( -name '*.java' -o -name pom.xml -o -name bnd.bnd -o -path '*/src/main/resources/*' -o -path '*/src/bin/*' \
       -o -path '*/src/assembly/*' -o -path '*/src/conf/*' \) -newer "$stamp" -print -quit) ]]; then
  stale="its sources changed"
fi
if [[ -n $stale ]]; then
  echo "moravec: building the distribution ($stale; tests skipped, log in distribution/target/build.log)..." >&2
  mkdir -p "$root/distribution/target"
  log="$root/distribution/target/build.log"
  if ! (cd "$root" && JAVA_HOME=$MORAVEC_JAVA_HOME ./mvnw -B -DskipTests install) >"$log" 2>&1; then
    tail -n 40 "$log" >&2
    echo "moravec: the build failed; the full log is in $log" >&2
    exit 1
  fi
  touch "$stamp"
fi
