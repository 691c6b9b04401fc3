package io.github.dingtalkroles.archfixtures.clean.sync.yaml;

import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.dingtalkroles.archfixtures.clean.sync.ThingSync;

/** Keeps every rule: Jackson's YAML stack in the sync module's file-format package only. */
public class ThingYaml {
    YAMLFactory factory;
    ThingSync sync;
}
