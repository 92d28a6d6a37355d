# Finds a JDK 21 or later for Moravec, and the JVM flags it needs; sourced by bin/moravec, the bench
# launcher, ./moravec and .ci/run (bash).
# moravec_find_java sets MORAVEC_JAVA_HOME and MORAVEC_JAVA_VERSION (the feature version, e.g. 25), or
# returns 1; moravec_jvm_flags then sets the array MORAVEC_JVM_FLAGS, and moravec_spark_jvm_flags the array
# MORAVEC_SPARK_JVM_FLAGS for a JVM that runs Spark.
# Looks at, in order: $MORAVEC_JAVA_HOME, $JAVA_HOME, the java on the PATH, then the common install
# folders (/usr/lib/jvm, /usr/java, /opt/java, /opt/jdk*, ~/.sdkman, ~/.jdks, macOS JavaVirtualMachines),
# taking the newest there.

moravec_java_version() { # JDK home -> feature version on stdout, or nothing
  local home=$1 v=""
  [[ -x "$home/bin/java" ]] || return 0
  if [[ -f "$home/release" ]]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$home/release" | head -n 1)
  fi
  if [[ -z $v ]]; then
    v=$("$home/bin/java" -XshowSettings:properties -version 2>&1 \
      | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1)
  fi
  [[ $v == 1 ]] && v=8 # 1.8 and older
  printf '%s' "$v"
}

moravec_find_java() {
  local candidate v best="" best_v=0 path_java
  local -a candidates=()
  [[ -n ${MORAVEC_JAVA_HOME:-} ]] && candidates+=("$MORAVEC_JAVA_HOME")
  [[ -n ${JAVA_HOME:-} ]] && candidates+=("$JAVA_HOME")
  if path_java=$(command -v java 2>/dev/null); then
    path_java=$(readlink -f "$path_java" 2>/dev/null || printf '%s' "$path_java")
    candidates+=("$(dirname "$(dirname "$path_java")")")
  fi
  for candidate in "${candidates[@]}"; do
    v=$(moravec_java_version "$candidate")
    if [[ -n $v && $v -ge 21 ]]; then
      MORAVEC_JAVA_HOME=$candidate MORAVEC_JAVA_VERSION=$v
      return 0
    fi
  done
  for candidate in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* \
      "$HOME"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [[ -d $candidate && ! -L $candidate ]] || continue
    v=$(moravec_java_version "$candidate")
    if [[ -n $v && $v -ge 21 && $v -gt $best_v ]]; then
      best=$candidate best_v=$v
    fi
  done
  if [[ -n $best ]]; then
    MORAVEC_JAVA_HOME=$best MORAVEC_JAVA_VERSION=$best_v
    return 0
  fi
  return 1
}

moravec_no_java_message() {
  cat >&2 <<'MSG'
moravec: no JDK 21 or later found. Moravec needs Java 21+ (it uses Lucene 10).
  Looked at $MORAVEC_JAVA_HOME, $JAVA_HOME, the java on your PATH and /usr/lib/jvm, /usr/java, /opt/java,
  ~/.sdkman and ~/.jdks. Install one (for example Temurin 21 or 25 from https://adoptium.net, or
  'apt install openjdk-21-jdk'), then set JAVA_HOME to it or put its bin/ on your PATH.
MSG
}

moravec_jvm_flags() { # the flags the found JDK supports: Lucene's SIMD, native access, Felix's Unsafe use
  MORAVEC_JVM_FLAGS=(--add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED)
  # a flag the JVM does not know stops it: this one exists from JDK 23 on (Felix uses sun.misc.Unsafe)
  if [[ $MORAVEC_JAVA_VERSION -ge 23 ]]; then
    MORAVEC_JVM_FLAGS+=(--sun-misc-unsafe-memory-access=allow)
  fi
}

moravec_spark_jvm_flags() { # Moravec's flags and Spark's (org.apache.spark.launcher.JavaModuleOptions, Spark 4.2)
  moravec_jvm_flags
  MORAVEC_SPARK_JVM_FLAGS=("${MORAVEC_JVM_FLAGS[@]}" -XX:+IgnoreUnrecognizedVMOptions
    --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
    --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
    --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
    --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
    --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
    --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
    --add-opens=java.base/sun.util.calendar=ALL-UNNAMED --add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED
    -Dio.netty.tryReflectionSetAccessible=true -Dio.netty.allocator.type=pooled
    -Dio.netty.handler.ssl.defaultEndpointVerificationAlgorithm=NONE
    -XX:-DontCompileHugeMethods) # Spark's generated code for the verdict rows is too big for HotSpot's default
  # the package is gone from JDK 25; opening it there only earns a warning
  if [[ $MORAVEC_JAVA_VERSION -lt 25 ]]; then
    MORAVEC_SPARK_JVM_FLAGS+=(--add-opens=java.base/sun.security.action=ALL-UNNAMED)
  fi
}
