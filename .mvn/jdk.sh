# Sourced by ./mvnw and ./run. Lucene 10 needs Java 21+ at build and run time, while this machine's default
# `java` may be older. Keep JAVA_HOME when it already is 21+, otherwise pick the newest JDK 21+ installed.
rag_java_major() {
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null
}
rag_find_jdk() {
  if [ -n "${JAVA_HOME-}" ] && [ "$(rag_java_major "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
    return 0
  fi
  rag_best="" rag_best_major=0
  for rag_home in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/*; do
    [ -x "$rag_home/bin/javac" ] || continue
    rag_major=$(rag_java_major "$rag_home")
    if [ -n "$rag_major" ] && [ "$rag_major" -ge 21 ] && [ "$rag_major" -gt "$rag_best_major" ]; then
      rag_best=$rag_home rag_best_major=$rag_major
    fi
  done
  if [ -n "$rag_best" ]; then
    JAVA_HOME=$rag_best
    export JAVA_HOME
  else
    echo "No JDK 21 or newer found: set JAVA_HOME to one (Lucene 10 needs Java 21+)." >&2
    return 1
  fi
}
rag_find_jdk
