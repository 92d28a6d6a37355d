package dev.moravec.host.internal;

import dev.moravec.api.TaskScorer;
import dev.moravec.host.ScorerSetting;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The scorers' settings from the configuration file, handed to them as Declarative Services
 * configurations ({@link TaskScorer#SETTINGS_PID_PREFIX PID} {@code moravec.scorer.<id>}) through
 * Configuration Admin, and checked against the metatype each plugin declares before it starts: an
 * unknown setting, a value of the wrong type, out of range or not among the options is an error that
 * names the scorer and the setting.
 */
public final class ScorerConfigurations implements AutoCloseable {

    private final Map<String, Map<String, String>> settings;
    private final ServiceTracker<ConfigurationAdmin, ConfigurationAdmin> configurationAdmin;
    private final ServiceTracker<MetaTypeService, MetaTypeService> metaTypes;

    /**
     * @param context the system bundle's context, with Configuration Admin and Metatype started
     * @param settings each scorer's settings by scorer id, values as the configuration file gives them
     */
    public ScorerConfigurations(BundleContext context, Map<String, Map<String, String>> settings) {
        this.settings = Map.copyOf(settings);
        this.configurationAdmin = new ServiceTracker<>(context, ConfigurationAdmin.class, null);
        this.metaTypes = new ServiceTracker<>(context, MetaTypeService.class, null);
        configurationAdmin.open();
        metaTypes.open();
    }

    /**
     * Hands every scorer's settings to Configuration Admin, before any plugin starts, so each scorer is
     * activated once, with its settings. The configurations are bound to no bundle ({@code ?}), so every
     * version of a scorer, and one installed later, gets them.
     *
     * @throws IOException if Configuration Admin is missing or fails
     */
    public void publish() throws IOException {
        ConfigurationAdmin admin = configurationAdmin.getService();
        if (admin == null) {
            throw new IOException("Configuration Admin is not running: the runtime bundles are incomplete");
        }
        for (Map.Entry<String, Map<String, String>> scorer : settings.entrySet()) {
            if (scorer.getValue().isEmpty()) {
                continue;
            }
            Configuration configuration = admin.getConfiguration(TaskScorer.SETTINGS_PID_PREFIX + scorer.getKey(), "?");
            configuration.update(new Hashtable<>(scorer.getValue()));
        }
    }

    /**
     * Checks the configured settings of every scorer a bundle declares settings for.
     *
     * @param bundle an installed plugin bundle
     * @return one message per wrong setting, naming the scorer and the setting; empty if all are right
     */
    public List<String> problems(Bundle bundle) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, ObjectClassDefinition> declared : declarations(bundle).entrySet()) {
            String id = declared.getKey();
            Map<String, String> values = settings.getOrDefault(id, Map.of());
            Map<String, AttributeDefinition> definitions = definitions(declared.getValue());
            for (Map.Entry<String, String> value : new TreeMap<>(values).entrySet()) {
                String where = "scorer '" + id + "', setting '" + value.getKey() + "' (scorers." + id + ".settings."
                        + value.getKey() + ")";
                AttributeDefinition definition = definitions.get(value.getKey());
                if (definition == null) {
                    problems.add(where + ": the scorer has no such setting; its settings are "
                            + String.join(", ", definitions.keySet()));
                    continue;
                }
                String problem = invalid(definition, value.getValue());
                if (problem != null) {
                    problems.add(where + ": '" + value.getValue() + "' " + problem);
                }
            }
        }
        return problems;
    }

    /**
     * The settings the configuration gives the scorers a bundle declares settings for.
     *
     * @param bundle an installed plugin bundle
     * @return for each such scorer that the configuration gives settings, {@code scorers.<id>.settings}
     *     with the settings' names, such as {@code scorers.lexicon.settings [file]}; empty if none
     */
    public List<String> configured(Bundle bundle) {
        List<String> configured = new ArrayList<>();
        for (String id : declarations(bundle).keySet()) {
            Map<String, String> values = settings.getOrDefault(id, Map.of());
            if (!values.isEmpty()) {
                configured.add("scorers." + id + ".settings " + new TreeMap<>(values).keySet());
            }
        }
        return configured;
    }

    /**
     * Says whether the configuration sets settings for a scorer whose bundle declares none.
     *
     * @param bundle the scorer's bundle
     * @param scorerId the scorer's id
     * @return the error, if the configuration sets settings the scorer cannot read
     */
    public Optional<String> undeclared(Bundle bundle, String scorerId) {
        Map<String, String> values = settings.getOrDefault(scorerId, Map.of());
        if (values.isEmpty() || declarations(bundle).containsKey(scorerId)) {
            return Optional.empty();
        }
        return Optional.of("scorer '" + scorerId + "' declares no settings, but the configuration sets scorers."
                + scorerId + ".settings " + new TreeMap<>(values).keySet() + "; remove them");
    }

    /**
     * The settings a scorer declares, with their defaults and the configured values.
     *
     * @param bundle the scorer's bundle
     * @param scorerId the scorer's id
     * @return its settings, in the order the scorer declares them; empty if it declares none
     */
    public List<ScorerSetting> describe(Bundle bundle, String scorerId) {
        ObjectClassDefinition definition = declarations(bundle).get(scorerId);
        if (definition == null) {
            return List.of();
        }
        Map<String, String> values = settings.getOrDefault(scorerId, Map.of());
        List<ScorerSetting> described = new ArrayList<>();
        for (AttributeDefinition attribute : definitions(definition).values()) {
            String[] defaults = attribute.getDefaultValue();
            described.add(new ScorerSetting(attribute.getID(), typeName(attribute.getType()),
                    defaults == null ? null : String.join(",", defaults),
                    attribute.getDescription() == null ? "" : attribute.getDescription(),
                    attribute.getOptionValues() == null ? List.of() : Arrays.asList(attribute.getOptionValues()),
                    values.get(attribute.getID())));
        }
        return described;
    }

    // scorer id -> the definition of its settings, for the PIDs the bundle's metatype designates
    private Map<String, ObjectClassDefinition> declarations(Bundle bundle) {
        Map<String, ObjectClassDefinition> declared = new TreeMap<>();
        MetaTypeService service = metaTypes.getService();
        if (service == null) {
            return declared;
        }
        MetaTypeInformation information = service.getMetaTypeInformation(bundle);
        if (information == null) {
            return declared;
        }
        for (String pid : information.getPids()) {
            if (pid.startsWith(TaskScorer.SETTINGS_PID_PREFIX)) {
                declared.put(pid.substring(TaskScorer.SETTINGS_PID_PREFIX.length()),
                        information.getObjectClassDefinition(pid, null));
            }
        }
        return declared;
    }

    private static Map<String, AttributeDefinition> definitions(ObjectClassDefinition definition) {
        AttributeDefinition[] all = definition.getAttributeDefinitions(ObjectClassDefinition.ALL);
        return all == null ? Map.of() : Arrays.stream(all).collect(Collectors.toMap(AttributeDefinition::getID,
                a -> a, (a, b) -> a, java.util.LinkedHashMap::new));
    }

    // Felix's metatype answers with (localised) message keys; say what they mean, with what the setting is for
    private static String invalid(AttributeDefinition definition, String value) {
        String result = definition.validate(value);
        if (result == null || result.isEmpty()) {
            return null;
        }
        String about = definition.getDescription() == null || definition.getDescription().isBlank() ? ""
                : " (" + definition.getDescription().strip() + ")";
        String key = result.startsWith("%") ? result.substring(1) : result;
        return switch (key) {
            case "invalid value" -> "is not a valid " + typeName(definition.getType()) + about;
            case "greater than maximum" -> "is greater than the largest value allowed" + about;
            case "less than minimum" -> "is less than the smallest value allowed" + about;
            case "not a valid option" -> "is not one of " + Arrays.toString(definition.getOptionValues()) + about;
            case "missing required value" -> "is required" + about;
            default -> "is invalid: " + key + about;
        };
    }

    private static String typeName(int type) {
        return switch (type) {
            case AttributeDefinition.STRING -> "String";
            case AttributeDefinition.INTEGER -> "Integer";
            case AttributeDefinition.LONG -> "Long";
            case AttributeDefinition.DOUBLE -> "Double";
            case AttributeDefinition.FLOAT -> "Float";
            case AttributeDefinition.BOOLEAN -> "Boolean";
            case AttributeDefinition.SHORT -> "Short";
            case AttributeDefinition.BYTE -> "Byte";
            case AttributeDefinition.CHARACTER -> "Character";
            case AttributeDefinition.PASSWORD -> "Password";
            default -> "type " + type;
        };
    }

    @Override
    public void close() {
        configurationAdmin.close();
        metaTypes.close();
    }
}
