package com.qleven.adapters.whatsapp;

import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.Header;
import retrofit2.http.POST;
import retrofit2.http.Path;
import retrofit2.http.Query;

/** The Graph API endpoints the gateway calls ({@code version} is e.g. {@code v23.0}). */
interface GraphService {

    @POST("{version}/{phoneNumberId}/messages")
    Call<GraphDtos.SendResponse> send(@Header("Authorization") String bearer, @Path("version") String version,
                                      @Path("phoneNumberId") String phoneNumberId, @Body GraphDtos.SendRequest body);

    @POST("{version}/{phoneNumberId}/messages")
    Call<GraphDtos.SuccessResponse> markRead(@Header("Authorization") String bearer, @Path("version") String version,
                                             @Path("phoneNumberId") String phoneNumberId,
                                             @Body GraphDtos.ReadRequest body);

    @GET("{version}/{wabaId}/message_templates")
    Call<GraphDtos.TemplateList> templates(@Header("Authorization") String bearer, @Path("version") String version,
                                           @Path("wabaId") String wabaId, @Query("fields") String fields,
                                           @Query("limit") int limit, @Query("after") String after);

    @POST("{version}/{wabaId}/message_templates")
    Call<GraphDtos.CreatedTemplate> createTemplate(@Header("Authorization") String bearer,
                                                   @Path("version") String version, @Path("wabaId") String wabaId,
                                                   @Body GraphDtos.CreateTemplateRequest body);

    @GET("{version}/oauth/access_token")
    Call<GraphDtos.TokenResponse> exchangeCode(@Path("version") String version, @Query("client_id") String appId,
                                               @Query("client_secret") String appSecret, @Query("code") String code);

    @POST("{version}/{phoneNumberId}/register")
    Call<GraphDtos.SuccessResponse> register(@Header("Authorization") String bearer, @Path("version") String version,
                                             @Path("phoneNumberId") String phoneNumberId,
                                             @Body GraphDtos.RegisterRequest body);

    @POST("{version}/{wabaId}/subscribed_apps")
    Call<GraphDtos.SuccessResponse> subscribe(@Header("Authorization") String bearer, @Path("version") String version,
                                              @Path("wabaId") String wabaId);
}
