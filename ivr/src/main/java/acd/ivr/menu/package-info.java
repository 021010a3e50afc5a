/**
 * The IVR menus: a definition read and checked from {@code config/ivr.yaml}
 * ({@link acd.ivr.menu.IvrMenuLoader} into {@link acd.ivr.menu.IvrMenu}), and an interpreter
 * ({@link acd.ivr.menu.IvrCall}) that walks one caller through it as a pure state machine over
 * PBX primitives ({@link acd.ivr.menu.Step}), fed by timestamped {@link acd.ivr.menu.Reply}s.
 * Self-service requests are steps too; {@link acd.ivr.menu.SelfServiceDesk} runs them against
 * the self-service port. Calls that leave the menu feed {@link acd.ivr.menu.IvrFigures}.
 */
package acd.ivr.menu;
