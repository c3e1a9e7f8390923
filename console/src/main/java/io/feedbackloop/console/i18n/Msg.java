package io.feedbackloop.console.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every text of the console, in English here and in Russian in {@code messages/msg_ru.properties};
 * templates read them as {@code msg:key}. A key missing from the Russian file fails the build.
 */
@MessageBundle
public interface Msg {

    @Message("Feedback loop")
    String product();

    @Message("Skip to content")
    String skip_to_content();

    @Message("Main")
    String nav_label();

    @Message("Inbox")
    String nav_inbox();

    @Message("Feedback")
    String nav_feedback();

    @Message("Dashboard")
    String nav_dashboard();

    @Message("Improvements")
    String nav_improvements();

    @Message("Settings")
    String nav_settings();

    @Message("Language")
    String language();

    @Message("Apply")
    String apply();

    @Message("Sign in")
    String sign_in();

    @Message("Sign out")
    String sign_out();

    @Message("Email")
    String email();

    @Message("Password")
    String password();

    @Message("Wrong email or password.")
    String sign_in_failed();

    @Message("Too many attempts. Wait a few minutes and try again.")
    String sign_in_throttled();

    @Message("Times in")
    String times_in();

    @Message("Back to the inbox")
    String back_to_inbox();

    @Message("Not allowed")
    String forbidden_title();

    @Message("Your role does not allow this.")
    String forbidden_text();

    @Message("Not found")
    String not_found_title();

    @Message("There is nothing here, or it belongs to another team.")
    String not_found_text();

    @Message("Not accepted")
    String bad_request_title();

    @Message("Some values were not accepted.")
    String bad_request_text();

    @Message("Temporarily unavailable")
    String unavailable_title();

    @Message("A service did not answer. Try again in a few seconds.")
    String unavailable_text();

    @Message("Form expired")
    String form_expired_title();

    @Message("This form was not sent from this page. Reload the page and try again.")
    String form_expired_text();

    @Message("Someone changed this case meanwhile. The page shows it as it is now; check and try again.")
    String changed_meanwhile();

    @Message("Cases of my teams")
    String inbox_title();

    @Message("Filters")
    String filters();

    @Message("Status")
    String status();

    @Message("{#when s}{#is 'open'}Open{#is 'in_progress'}In progress{#is 'waiting_customer'}Waiting for customer{#is 'closed'}Closed{#else}{s}{/when}")
    String status_label(String s);

    @Message("Priority")
    String priority();

    @Message("{#when p}{#is 'critical'}Critical{#is 'high'}High{#is 'normal'}Normal{#is 'low'}Low{#else}{p}{/when}")
    String priority_label(String p);

    @Message("Team")
    String team();

    @Message("All my teams")
    String all_my_teams();

    @Message("Assignee")
    String assignee();

    @Message("Anyone")
    String anyone();

    @Message("Me")
    String me();

    @Message("Unassigned")
    String unassigned();

    @Message("SLA")
    String sla();

    @Message("Any")
    String any();

    @Message("Overdue")
    String overdue();

    @Message("In time")
    String in_time();

    @Message("Channel")
    String channel();

    @Message("Theme")
    String theme();

    @Message("Themes")
    String themes();

    @Message("Sort")
    String sort();

    @Message("Due first")
    String sort_due();

    @Message("Priority")
    String sort_priority();

    @Message("Newest")
    String sort_opened();

    @Message("Customer's words")
    String customer_words();

    @Message("Opened")
    String opened();

    @Message("No cases match.")
    String no_cases();

    @Message("Pages")
    String pages();

    @Message("First page")
    String first_page();

    @Message("Next page")
    String next_page();

    @Message("Case")
    String case_title();

    @Message("Reason")
    String reason();

    @Message("Touchpoint")
    String touchpoint();

    @Message("Journey stage")
    String journey_stage();

    @Message("Customer")
    String customer();

    @Message("Understanding")
    String categorization();

    @Message("Sentiment")
    String sentiment();

    @Message("({percent} % sure)")
    String confidence(long percent);

    @Message("Type")
    String type();

    @Message("Urgency")
    String urgency();

    @Message("Corrected")
    String corrected();

    @Message("Correct the understanding")
    String correct_categorization();

    @Message("unchanged")
    String unchanged();

    @Message("Note")
    String note();

    @Message("Save correction")
    String save_correction();

    @Message("The case")
    String the_case();

    @Message("First response")
    String first_response();

    @Message("Resolution")
    String resolution();

    @Message("Escalation level")
    String escalation();

    @Message("Resolution")
    String resolution_code();

    @Message("What the customer is told")
    String resolution_text();

    @Message("{#when code}{#is 'fixed'}Fixed{#is 'refunded'}Refunded{#is 'replaced'}Replaced{#is 'explained'}Explained{#is 'no-action-needed'}No action needed{#is 'duplicate'}Duplicate{#is 'cannot-reproduce'}Cannot reproduce{#is 'other'}Other{#else}{code}{/when}")
    String resolution_label(String code);

    @Message("Root cause")
    String root_cause();

    @Message("Assign to")
    String assign_to();

    @Message("Assign")
    String assign();

    @Message("Set status")
    String set_status();

    @Message("Write")
    String write();

    @Message("Reply to the customer")
    String reply_to_customer();

    @Message("Internal note")
    String internal_note();

    @Message("Text")
    String text();

    @Message("Preview")
    String preview();

    @Message("Send")
    String send();

    @Message("As the customer gets it: {locale}, {channel}")
    String preview_as(String locale, String channel);

    @Message("contact not known yet")
    String contact_unknown();

    @Message("Close the case")
    String close_case();

    @Message("Reopen")
    String reopen();

    @Message("Why reopen")
    String reopen_reason();

    @Message("The loop")
    String timeline();

    @Message("{#when kind}{#is 'note'}Internal note{#is 'reply'}Reply to the customer{#is 'message'}Message: {label}{#else}{#when label}{#is 'received'}Received{#is 'categorized'}Categorized{#is 'action_opened'}Case opened{#is 'followed_up'}Followed up{#is 'action_resolved'}Case resolved{#else}{label}{/when}{/when}")
    String timeline_label(String kind, String label);

    @Message("Audit trail")
    String audit_trail();

    @Message("When")
    String when();

    @Message("Who")
    String who();

    @Message("What")
    String what();

    @Message("Details")
    String details();

    @Message("Assigned.")
    String done_assigned();

    @Message("Reply sent to the customer.")
    String done_replied();

    @Message("Note added.")
    String done_noted();

    @Message("Status changed.")
    String done_status();

    @Message("Case closed.")
    String done_closed();

    @Message("Case reopened.")
    String done_reopened();

    @Message("Correction saved.")
    String done_corrected();

    @Message("How customers feel, and how well we close the loop")
    String dashboard_title();

    @Message("Period")
    String period();

    @Message("From")
    String from();

    @Message("To")
    String to();

    @Message("Segment")
    String segment();

    @Message("By")
    String by();

    @Message("{#when d}{#is 'channel'}channel{#is 'touchpoint'}touchpoint{#is 'journeyStage'}journey stage{#is 'segment'}segment{#else}{d}{/when}")
    String dimension(String d);

    @Message("Step")
    String bucket();

    @Message("{#when b}{#is 'day'}day{#is 'week'}week{#is 'month'}month{#else}{b}{/when}")
    String bucket_label(String b);

    @Message("Export CSV")
    String export_csv();

    @Message("{n} answers")
    String answers(long n);

    @Message("Responses")
    String responses();

    @Message("{metric} over time with its 95 % confidence band")
    String chart_label(String metric);

    @Message("No data for this period.")
    String no_data();

    @Message("Top themes by volume")
    String top_themes_volume();

    @Message("Top themes by NPS impact")
    String top_themes_impact();

    @Message("Detractors")
    String detractors();

    @Message("NPS points lost")
    String nps_impact();

    @Message("Your role sees the loop figures of your teams; scores (NPS, CSAT, CES) are for leads and analysts.")
    String scores_not_for_role();

    @Message("Closing the loop")
    String loop_metrics();

    @Message("Closed-loop rate")
    String closed_loop_rate();

    @Message("Median time to first response")
    String median_first_response();

    @Message("Median time to close")
    String median_close();

    @Message("First response within SLA")
    String sla_met_first();

    @Message("Resolution within SLA")
    String sla_met_resolution();

    @Message("Cases opened / closed")
    String cases_opened_closed();

    @Message("What customers said")
    String feedback_title();

    @Message("Words")
    String words();

    @Message("Score class")
    String score_class();

    @Message("Search")
    String search();

    @Message("Open the case")
    String open_case();

    @Message("Nothing found.")
    String nothing_found();

    @Message("No case was opened for this feedback.")
    String no_case_for_feedback();
}
