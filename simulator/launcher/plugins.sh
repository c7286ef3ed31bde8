# Sourced by ./edgesim and ./edgesim-spark: sets `plugins`, the plug-in class path, from every jar in
# <repository>/plugins/ and every jar or folder named in EDGESIM_PLUGINS (separated by ':'; a folder
# counts itself, as a class folder, and the jars in it). A name that does not exist stops with exit 2.
plugins=""
add_plugin() { plugins="${plugins:+$plugins:}$1"; }
for j in "$root"/plugins/*.jar; do
  [ -f "$j" ] && add_plugin "$j"
done
if [ -n "${EDGESIM_PLUGINS:-}" ]; then
  IFS=':' read -ra named <<< "$EDGESIM_PLUGINS"
  for e in "${named[@]}"; do
    [ -z "$e" ] && continue
    if [ -d "$e" ]; then
      add_plugin "$e"
      for j in "$e"/*.jar; do
        [ -f "$j" ] && add_plugin "$j"
      done
    elif [ -f "$e" ]; then
      add_plugin "$e"
    else
      echo "edgesim: EDGESIM_PLUGINS names '$e', which is neither a jar nor a folder" >&2
      exit 2
    fi
  done
fi
