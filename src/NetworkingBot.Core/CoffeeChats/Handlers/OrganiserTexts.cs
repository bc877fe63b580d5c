using NetworkingBot.Core.Commands;

namespace NetworkingBot.Core.CoffeeChats.Handlers;

internal static class OrganiserTexts
{
    public static readonly UserError NoProgram = new("no_program", "Coffee chats aren't set up in this community yet. Start with `/coffee setup` (see `/coffee help`).");
}
