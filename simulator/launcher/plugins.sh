# Sourced by ./edgesim and ./edgesim-spark (under `set -euo pipefail`): sets `plugins`, the plug-in
# class path, from every jar in <repository>/plugins/ and every jar or folder named in
# EDGESIM_PLUGINS (separated by ':'). A folder adds the jars in it, and itself as a class folder if
# it holds META-INF/services; a folder with neither, or a name that does not exist, stops with one
# line and exit 2. (Every test below is an `if`: a failed test as the last command would make the
# sourcing fail, and the launcher exit 1 without a word.)
plugins=""
add_plugin() { plugins="${plugins:+$plugins:}$1"; }
for j in "$root"/plugins/*.jar; do
  if [ -f "$j" ]; then add_plugin "$j"; fi
done
if [ -n "${EDGESIM_PLUGINS:-}" ]; then
  IFS=':' read -ra named <<< "$EDGESIM_PLUGINS"
  for e in "${named[@]}"; do
    if [ -z "$e" ]; then continue; fi
    if [ -d "$e" ]; then
      before="$plugins"
      if [ -d "$e/META-INF/services" ]; then add_plugin "$e"; fi
      for j in "$e"/*.jar; do
        if [ -f "$j" ]; then add_plugin "$j"; fi
      done
      if [ "$plugins" = "$before" ]; then
        echo "edgesim: EDGESIM_PLUGINS names folder '$e', which holds no jar and no META-INF/services (a plug-in's class folder has them)" >&2
        exit 2
      fi
    elif [ -f "$e" ]; then
      add_plugin "$e"
    else
      echo "edgesim: EDGESIM_PLUGINS names '$e', which is neither a jar nor a folder" >&2
      exit 2
    fi
  done
fi
