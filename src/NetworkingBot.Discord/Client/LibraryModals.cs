using System.Text.Json.Nodes;
using Discord;

namespace NetworkingBot.Discord.Client;

/// <summary>
/// The form <see cref="Interactions.DiscordForms"/> builds (labels, each holding a text input, a select or a member
/// select) as Discord.Net's <see cref="Modal"/>. The form's shape stays decided in one place; this only re-spells it.
/// </summary>
internal static class LibraryModals
{
    public static Modal Build(JsonObject form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var modal = new ModalBuilder()
            .WithCustomId(Text(form, "custom_id"))
            .WithTitle(Text(form, "title"));
        foreach (var label in (form["components"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (label["component"] is JsonObject inner)
            {
                modal.AddLabel(Text(label, "label"), Component(inner));
            }
        }

        return modal.Build();
    }

    private static IMessageComponentBuilder Component(JsonObject component)
    {
        var customId = Text(component, "custom_id");
        var required = component["required"]?.GetValue<bool>() ?? false;
        switch (component["type"]?.GetValue<int>())
        {
            case 3:
                var select = new SelectMenuBuilder().WithCustomId(customId).WithRequired(required);
                foreach (var option in (component["options"] as JsonArray ?? []).OfType<JsonObject>())
                {
                    select.AddOption(Text(option, "label"), Text(option, "value"));
                }

                if (component["min_values"] is { } min)
                {
                    select.WithMinValues(min.GetValue<int>());
                }

                if (component["max_values"] is { } max)
                {
                    select.WithMaxValues(max.GetValue<int>());
                }

                return select;
            case 5:
                return new SelectMenuBuilder().WithType(ComponentType.UserSelect).WithCustomId(customId).WithRequired(required).WithMaxValues(1);
            case 4:
                var input = new TextInputBuilder()
                    .WithCustomId(customId)
                    .WithStyle(component["style"]?.GetValue<int>() == 2 ? TextInputStyle.Paragraph : TextInputStyle.Short)
                    .WithRequired(required);
                if (component["max_length"] is { } length)
                {
                    input.WithMaxLength(length.GetValue<int>());
                }

                if (component["placeholder"] is { } placeholder)
                {
                    input.WithPlaceholder(placeholder.GetValue<string>());
                }

                if (component["value"] is { } value)
                {
                    input.WithValue(value.GetValue<string>());
                }

                return input;
            default:
                // DiscordForms makes only these three; a fourth would be a bug there, not input to tolerate.
                throw new InvalidOperationException($"A form component of type {component["type"]} has no Discord.Net spelling here.");
        }
    }

    private static string Text(JsonObject node, string name) => node[name]?.GetValue<string>() ?? "";
}
